package dev.rewind.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell blocks of a Markdown file, split into the commands a reader would type. A block right after a
 * {@code <!-- not-run: why -->} line carries that reason; a command with a trailing {@code # fails: exit N}
 * expects exit code N.
 */
final class ReadmeBlocks {
    static final Set<String> SHELL = Set.of("sh", "bash", "shell", "console");
    private static final Pattern FENCE = Pattern.compile("^```\\s*([A-Za-z]*)\\s*$");
    private static final Pattern NOT_RUN = Pattern.compile("^<!--\\s*not-run:\\s*(.+?)\\s*-->$");
    private static final Pattern FAILS = Pattern.compile("#\\s*fails: exit (\\d+)");

    /** One command (continuation lines joined as typed), where it starts, and the exit code it must give. */
    record Example(int line, String command, int expectedExit) {
    }

    /** A shell block under {@code heading}; {@code skipReason} is null when it is meant to run. */
    record Block(String heading, int line, String skipReason, List<Example> examples) {
    }

    private ReadmeBlocks() {
    }

    static List<Block> parse(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        String heading = "";
        String previous = "";
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            Matcher fence = FENCE.matcher(text);
            if (!fence.matches()) {
                if (text.startsWith("#")) {
                    heading = text.replaceFirst("^#+\\s*", "");
                }
                previous = text.isBlank() ? previous : text.strip();
                continue;
            }
            int start = i;
            List<String> body = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                body.add(lines.get(i));
            }
            if (SHELL.contains(fence.group(1))) {
                Matcher skip = NOT_RUN.matcher(previous);
                blocks.add(new Block(heading, start + 1, skip.matches() ? skip.group(1) : null,
                        examples(body, start + 2)));
            }
            previous = "";
        }
        return blocks;
    }

    /** Blank lines and whole-line comments are not commands; a trailing backslash continues a command. */
    private static List<Example> examples(List<String> body, int firstLine) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String text = body.get(i);
            if (text.isBlank() || text.strip().startsWith("#")) {
                continue;
            }
            int start = i;
            StringBuilder command = new StringBuilder(text);
            while (body.get(i).endsWith("\\") && i + 1 < body.size()) {
                command.append('\n').append(body.get(++i));
            }
            Matcher fails = FAILS.matcher(command);
            out.add(new Example(firstLine + start, command.toString(),
                    fails.find() ? Integer.parseInt(fails.group(1)) : 0));
        }
        return out;
    }
}
