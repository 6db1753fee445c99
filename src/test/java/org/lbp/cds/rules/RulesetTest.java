package org.lbp.cds.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbp.cds.evaluation.Clinic;

/** The knowledge base: loading, versioning, compile errors and the metadata every rule must carry. */
class RulesetTest {

    /** The ids of shared/clinical/rules.md (plus none of our own so far). */
    private static final Pattern CATALOGUE_ID = Pattern.compile("(R(0[1-9]|1[0-8])|C0[13678]|D19|S(0[1-9]|1[01]))");

    @Test
    @DisplayName("The version is a SHA-256 of the files' names and contents, blind to line endings and file order")
    void versionIsAContentHash() {
        RulesetSource a = RulesetSource.of(List.of(new RuleFile("a.drl", "rule x\nend\n"), new RuleFile("b.drl", "y")));
        RulesetSource b = RulesetSource.of(List.of(new RuleFile("b.drl", "y"), new RuleFile("a.drl", "rule x\r\nend\r\n")));
        RulesetSource c = RulesetSource.of(List.of(new RuleFile("a.drl", "rule x\nend \n"), new RuleFile("b.drl", "y")));

        assertEquals(a.version(), b.version());
        assertNotEquals(a.version(), c.version());
        assertTrue(a.version().matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    @DisplayName("The packaged copy (classpath, listed by the build's index) is the same ruleset as rules/")
    void packagedRulesEqualTheProjectFolder() {
        RulesetSource folder = RulesetSource.fromDirectory(Path.of("rules"));
        RulesetSource packaged = RulesetSource.fromClasspath(getClass().getClassLoader(), "rules");

        assertEquals(folder.version(), packaged.version());
        assertEquals(folder.files().size(), packaged.files().size());
    }

    @Test
    @DisplayName("The service starts from the executable model the build generated from exactly the packaged rules")
    void executableModelOfThePackagedRules() {
        RulesetSource packaged = RulesetSource.fromClasspath(getClass().getClassLoader(), "rules");
        StringBuilder reason = new StringBuilder();

        CompiledRuleset model = ExecutableModel.load(packaged, getClass().getClassLoader(), reason).orElseThrow();

        assertEquals("", reason.toString());
        assertEquals(packaged.version(), model.version());
        CompiledRuleset drl = CompiledRuleset.compile(packaged, getClass().getClassLoader());
        assertEquals(drl.rules(), model.rules());
        // the model's consequences are the generated lambdas, not the DRL compiler's consequence classes
        assertTrue(consequenceOf(model).contains("Lambda"), consequenceOf(model));
        assertFalse(consequenceOf(drl).contains("Lambda"), consequenceOf(drl));
    }

    @Test
    @DisplayName("Every knowledge base is immutable: the executable model, the DRL (start-up, replay), the model built in memory")
    void everyKnowledgeBaseIsImmutable() {
        RulesetSource packaged = RulesetSource.fromClasspath(getClass().getClassLoader(), "rules");
        ClassLoader loader = getClass().getClassLoader();

        assertFalse(mutable(ExecutableModel.load(packaged, loader, new StringBuilder()).orElseThrow()));
        assertFalse(mutable(CompiledRuleset.compile(packaged, loader)));
        assertFalse(mutable(ExecutableModelBuilder.compile(packaged, loader)));
        assertFalse(mutable(new RuleEngine("classpath").ruleset()), "the service's own knowledge base");
    }

    private static boolean mutable(CompiledRuleset ruleset) {
        return ((org.drools.core.impl.InternalRuleBase) ruleset.kieBase()).getKieBaseConfiguration().isMutabilityEnabled();
    }

    private static String consequenceOf(CompiledRuleset ruleset) {
        org.kie.api.definition.rule.Rule rule = ruleset.kieBase().getRule("lbp.rules", ruleset.rules().get(0).name());
        return ((org.drools.base.definitions.rule.impl.RuleImpl) rule).getConsequence().getClass().getName();
    }

    @Test
    @DisplayName("A model generated from other rules is never used: the rules served are compiled from their DRL")
    void staleExecutableModelIsNotUsed() {
        RulesetSource packaged = RulesetSource.fromClasspath(getClass().getClassLoader(), "rules");
        List<RuleFile> edited = new java.util.ArrayList<>(packaged.files());
        RuleFile first = edited.remove(0);
        edited.add(new RuleFile(first.name(), first.content() + "\n// edited after the build\n"));
        StringBuilder reason = new StringBuilder();

        assertTrue(ExecutableModel.load(RulesetSource.of(edited), getClass().getClassLoader(), reason).isEmpty());
        assertTrue(reason.toString().contains("not from the rules served"), reason.toString());
    }

    @Test
    @DisplayName("A DRL error fails with the file, line and column")
    void compileErrorNamesFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.drl"), """
                package lbp.rules;
                import org.lbp.cds.rules.facts.*;

                rule "A broken rule"
                    @id("R01")
                when
                    Encounter(ageYearz < 16)
                then
                end
                """);
        RulesetException error = assertThrows(RulesetException.class,
                () -> CompiledRuleset.compile(RulesetSource.fromDirectory(dir), getClass().getClassLoader()));

        assertTrue(error.getMessage().contains("rules/broken.drl:7:"), error.getMessage());
    }

    @Test
    @DisplayName("A rule without a catalogue id is refused")
    void ruleWithoutIdIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("anonymous.drl"), """
                package lbp.rules;
                import org.lbp.cds.rules.facts.*;

                rule "A rule nobody can cite"
                when
                    Encounter()
                then
                end
                """);
        RulesetException error = assertThrows(RulesetException.class,
                () -> CompiledRuleset.compile(RulesetSource.fromDirectory(dir), getClass().getClassLoader()));

        assertTrue(error.getMessage().contains("A rule nobody can cite"), error.getMessage());
    }

    @Test
    @DisplayName("No rules at all is refused")
    void emptyRulesetIsRefused(@TempDir Path dir) {
        assertThrows(RulesetException.class, () -> RulesetSource.fromDirectory(dir));
    }

    @Test
    @DisplayName("Every rule carries a catalogue id, a source quote, a file, and a name that is a sentence")
    void everyRuleIsDescribed() {
        CompiledRuleset ruleset = Clinic.engine().ruleset();

        assertTrue(ruleset.rules().size() >= 29);
        for (RuleInfo rule : ruleset.rules()) {
            assertTrue(CATALOGUE_ID.matcher(rule.id()).matches(), "catalogue id: " + rule);
            assertTrue(rule.source() != null && rule.source().length() > 20, "source quote: " + rule);
            assertTrue(rule.file().startsWith("rules/") && rule.file().endsWith(".drl"), "file: " + rule);
            assertTrue(rule.phase().equals("always") || RuleEngine.PHASES.contains(rule.phase()), "phase: " + rule);
            assertTrue(rule.name().length() > 20 && Character.isUpperCase(rule.name().charAt(0)), "name: " + rule);
        }
        assertEquals(Set.of("always"), ruleset.rules().stream()
                .filter(rule -> Set.of("R01", "R02", "R17").contains(rule.id())).map(RuleInfo::phase)
                .collect(java.util.stream.Collectors.toSet()), "the hard avoids and the disclaimer depend on nothing");
        Set<String> ids = ruleset.rules().stream().map(RuleInfo::id).collect(java.util.stream.Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09", "R13", "R14",
                "R17", "D19", "S02", "S03")), "the rules of the first release: " + ids);
    }
}
