package dev.rewind.ui.timeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javafx.css.CssMetaData;
import javafx.css.FontCssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.scene.control.Control;
import javafx.scene.text.Font;

/** The CSS properties of {@link VersionTimeline}: a Control's, then its colours, sizes and font. */
final class TimelineCss {
    static final FontCssMetaData<VersionTimeline> FONT = new FontCssMetaData<>("-rw-font", Font.font("System", 11)) {
        @Override
        public boolean isSettable(VersionTimeline t) {
            return !t.fontProperty().isBound();
        }

        @Override
        public StyleableProperty<Font> getStyleableProperty(VersionTimeline t) {
            return t.styleableFont();
        }
    };

    static final List<CssMetaData<? extends Styleable, ?>> ALL = all();

    private TimelineCss() {
    }

    private static List<CssMetaData<? extends Styleable, ?>> all() {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Control.getClassCssMetaData());
        Stream.of(TimelineColor.values()).forEach(c -> all.add(c.cssMetaData()));
        Stream.of(TimelineSize.values()).forEach(z -> all.add(z.cssMetaData()));
        all.add(FONT);
        return Collections.unmodifiableList(all);
    }
}
