package dev.rewind.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each {@code --json} shape README's "JSON output" documents is exactly what the command prints, field for field. */
class ReadmeJsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theDocumentedJsonShapesAreWhatTheCommandsPrint() throws Exception {
        Map<String, Set<String>> shapes =
                ReadmeJsonShapes.parse(Files.readAllLines(Path.of("README.md")), "JSON output");
        assertThat(shapes).as("commands README documents --json for")
                .containsKeys("models", "versions", "search", "show", "register", "path", "targets");

        CliRun cli = new CliRun(dir.resolve("catalog.db"));
        assertThat(cli.run("demo").code()).isZero();
        String artifact = Files.writeString(dir.resolve("model.pkl"), "weights").toString();
        Map<String, String[]> invocations = Map.of(
                "models", new String[] {"models"},
                "versions", new String[] {"versions", "fraud-detector"},
                "search", new String[] {"search", "--where", "auc>0.9"},
                "show", new String[] {"show", "fraud-detector", "1.0.0"},
                "register", new String[] {"register", "fraud-detector", "--label", "auto", "--artifact", artifact},
                "path", new String[] {"path", "fraud-detector@production"},
                "targets", new String[] {"targets", "fraud-detector"});
        for (Map.Entry<String, Set<String>> shape : shapes.entrySet()) {
            String[] args = invocations.get(shape.getKey());
            assertThat(args).as("an invocation of the documented '%s --json'", shape.getKey()).isNotNull();
            String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
            withJson[args.length] = "--json";
            CliRun.Result r = cli.run(withJson);
            assertThat(r.code()).as(r.toString()).isZero();
            JsonNode printed = JSON.readTree(r.out());
            JsonNode object = printed.isArray() ? printed.get(0) : printed;
            assertThat(object).as("%s --json prints at least one object: %s", shape.getKey(), r.out()).isNotNull();
            Set<String> fields = new LinkedHashSet<>();
            object.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as("fields of %s --json (README: %s)", shape.getKey(), shape.getValue())
                    .containsExactlyInAnyOrderElementsOf(shape.getValue());
        }
    }
}
