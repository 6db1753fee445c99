package org.lbp.cds.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the Maven build (process-classes): compiles every DRL file of {@code rules/} so that a rule error fails
 * the build, naming file, line and column, writes the index of rule files the packaged service loads, and generates
 * the executable model the service starts from ({@link ExecutableModel}).
 *
 * <p>Arguments: the rules directory, the index file to write, the classes directory.
 */
public final class RulesetBuildCheck {

    private RulesetBuildCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        Path index = Path.of(args[1]);
        RulesetSource source = RulesetSource.fromDirectory(directory);
        CompiledRuleset ruleset = CompiledRuleset.compile(source, RulesetBuildCheck.class.getClassLoader());
        Files.createDirectories(index.getParent());
        Files.writeString(index, source.index(), StandardCharsets.UTF_8);
        System.out.printf("rules: %d rules in %d files compiled, version %s%n",
                ruleset.rules().size(), source.files().size(), source.version());
        long start = System.nanoTime();
        int classes = ExecutableModelBuilder.write(source, RulesetBuildCheck.class.getClassLoader(), Path.of(args[2]));
        System.out.printf("rules: executable model generated, %d classes, in %d ms%n", classes,
                (System.nanoTime() - start) / 1_000_000);
    }
}
