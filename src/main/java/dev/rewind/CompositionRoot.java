package dev.rewind;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class where the program is put together: the one place that may name a concrete catalog backend (such
 * as {@code catalog.sqlite}) and hand it to the services. The layer rules exempt exactly the classes carrying it,
 * never a whole package; {@link #value()} says why this class needs it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CompositionRoot {
    String value();
}
