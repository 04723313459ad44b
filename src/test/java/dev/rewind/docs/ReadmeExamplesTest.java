package dev.rewind.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell example of README.md runs as written: the blocks in order, one bash session, a fresh folder, and
 * {@code rewind} being the CLI under test. Only blocks after a {@code <!-- not-run: why -->} line are skipped,
 * and so is the line that points the {@code rewind} alias at a jar (this run supplies {@code rewind} itself);
 * both are printed with their reason.
 */
class ReadmeExamplesTest {
    /** About the number of runnable lines README holds today, so emptying its blocks cannot pass. */
    private static final int MIN_LINES_RUN = 35;
    private static final String ALIAS = "alias rewind=";

    @TempDir
    Path dir;

    @Test
    void everyReadmeExampleRunsAsWrittenAndExitsAsMarked() throws Exception {
        List<ReadmeBlocks.Block> blocks = ReadmeBlocks.parse(Files.readAllLines(Path.of("README.md")));
        List<ReadmeBlocks.Example> toRun = new ArrayList<>();
        int skippedBlocks = 0;
        int skippedLines = 0;
        for (ReadmeBlocks.Block b : blocks) {
            if (b.skipReason() != null) {
                skippedBlocks++;
                skippedLines += b.examples().size();
                System.out.printf("README: skipped block at line %d (%s, %d lines): not-run: %s%n",
                        b.line(), b.heading(), b.examples().size(), b.skipReason());
                continue;
            }
            for (ReadmeBlocks.Example e : b.examples()) {
                if (e.command().startsWith(ALIAS)) {
                    skippedLines++;
                    System.out.printf("README: skipped line %d: the test supplies rewind itself: %s%n",
                            e.line(), e.command());
                } else {
                    toRun.add(e);
                }
            }
        }
        List<ReadmeSession.Outcome> outcomes = new ReadmeSession(dir).run(toRun, 900);
        System.out.printf("README: ran %d lines of %d blocks; skipped %d blocks and %d lines%n", toRun.size(),
                blocks.size() - skippedBlocks, skippedBlocks, skippedLines);

        List<String> wrong = new ArrayList<>();
        for (ReadmeSession.Outcome o : outcomes) {
            if (o.exit() != o.example().expectedExit()) {
                wrong.add(String.format("README line %d exited %d, expected %d:%n  %s%n%s", o.example().line(),
                        o.exit(), o.example().expectedExit(), o.example().command(), o.output().indent(4)));
            }
        }
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
        assertThat(toRun.size()).as("README lines run").isGreaterThanOrEqualTo(MIN_LINES_RUN);
        assertThat(toRun).as("README shows an expected failure, so the marker is exercised")
                .anyMatch(e -> e.expectedExit() != 0);
    }
}
