package dev.rewind.service;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.rewind.domain.RewindException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads and checks a Learn-mode scenario file. Every field is validated up front (Jackson binds the file into
 * {@link LearnScenario}'s records, strictly: no coercion, no unknown fields), so a mistake made while editing or
 * translating the file is reported as one line naming the file, the place and the field, never as a failure
 * halfway through the story.
 */
public final class LearnScenarioLoader {
    static final String FOLDER = "/dev/rewind/learn/";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .annotationIntrospector(new EveryFieldRequired())
            .addModule(new SimpleModule().addDeserializer(String.class, new Text()))
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    private LearnScenarioLoader() {
    }

    /** The shipped scenario, in the default locale's language when a {@code scenario_<lang>.json} exists. */
    public static LearnScenario shipped() {
        return shipped(Locale.getDefault());
    }

    public static LearnScenario shipped(Locale locale) {
        String name = "scenario_" + locale.getLanguage() + ".json";
        if (LearnScenarioLoader.class.getResource(FOLDER + name) == null) {
            name = "scenario.json";
        }
        try (InputStream in = LearnScenarioLoader.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw RewindException.badInput("the Learn scenario " + FOLDER + name + " is missing from Rewind");
            }
            return parse(name, in);
        } catch (IOException e) {
            throw RewindException.badInput("cannot read " + name + ": " + e.getMessage());
        }
    }

    /** Parses a scenario; {@code name} is used in error messages. */
    public static LearnScenario parse(String name, InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw RewindException.badInput(name + " is not valid JSON: " + firstLine(e.getOriginalMessage()) + where);
        } catch (IOException e) {
            throw RewindException.badInput("cannot read " + name + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw RewindException.badInput(name + " is empty");
        }
        if (!root.isObject()) {
            throw RewindException.badInput(name + " must hold one JSON object { … }");
        }
        ScenarioErrors errors = new ScenarioErrors(name, root);
        LearnScenario scenario;
        try {
            scenario = JSON.treeToValue(root, LearnScenario.class);
        } catch (JsonMappingException e) {
            throw errors.of(e);
        } catch (JsonProcessingException e) {
            throw RewindException.badInput("cannot read " + name + ": " + firstLine(e.getOriginalMessage()));
        }
        new ScenarioConsistency(errors).check(scenario);
        return scenario;
    }

    private static String firstLine(String s) {
        String m = s == null ? "" : s.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Every field is required and may not be null unless its record component is
     * {@link LearnScenario.Omittable}; {@code FAIL_ON_MISSING_CREATOR_PROPERTIES} cannot be lifted for single
     * fields, so the required marker is given here instead.
     */
    private static final class EveryFieldRequired extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasRequiredMarker(AnnotatedMember m) {
            return !m.hasAnnotation(LearnScenario.Omittable.class);
        }

        @Override
        public JsonSetter.Value findSetterInfo(Annotated a) {
            return JsonSetter.Value.construct(a.hasAnnotation(LearnScenario.Omittable.class) ? Nulls.SET : Nulls.FAIL,
                    Nulls.FAIL);
        }
    }

    /** Text must be a JSON string with something in it; it is read without surrounding blanks. */
    private static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText().strip();
            return text.isEmpty() ? ctxt.reportInputMismatch(String.class, "empty text") : text;
        }
    }
}
