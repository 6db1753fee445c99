package org.lbp.cds.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import org.lbp.cds.audit.api.RecordView;
import org.lbp.cds.audit.api.ReplayResult;
import org.lbp.cds.evaluation.FactMapper;
import org.lbp.cds.evaluation.IntakeParser;
import org.lbp.cds.evaluation.ProtocolAssembler;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.rules.CompiledRuleset;
import org.lbp.cds.rules.RuleEngine;
import org.lbp.cds.rules.RulesetSource;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * Re-runs a recorded evaluation exactly as it ran: the stored intake, the stored thresholds, the stored ruleset
 * (compiled from the DRL kept in the store, whatever {@code rules/} holds today), the same evaluation id and time;
 * then compares the protocol with the one recorded. A replay is a read: it records nothing.
 */
@ApplicationScoped
public class ReplayService {

    private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);
    private static final int KEPT_RULESETS = 4;

    private final AuditRepository repository;
    private final RuleEngine engine;
    private final Map<String, CompiledRuleset> compiled = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledRuleset> eldest) {
            return size() > KEPT_RULESETS;
        }
    };

    public ReplayService(AuditRepository repository, RuleEngine engine) {
        this.repository = repository;
        this.engine = engine;
    }

    public Optional<ReplayResult> replay(String evaluationId) {
        Optional<RecordView> stored = repository.find(evaluationId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        RecordView record = stored.get();
        CompiledRuleset ruleset = ruleset(record.rulesetVersion());
        Instant evaluatedAt = Instant.parse(record.evaluatedAt());
        IntakeParser.Result parsed = IntakeParser.parse(record.intake(), LocalDate.ofInstant(evaluatedAt, LATEST_ZONE));
        if (!parsed.valid()) {
            throw new IllegalStateException("the stored intake of " + evaluationId + " no longer parses: " + parsed.errors());
        }
        Thresholds thresholds = Canonical.MAPPER.convertValue(record.config(), Thresholds.class);
        Protocol protocol = ProtocolAssembler.assemble(record.evaluationId(), evaluatedAt, record.patientId(),
                RuleEngine.run(ruleset, FactMapper.facts(parsed.intake(), thresholds)));
        JsonNode replayed = Canonical.parse(Canonical.json(protocol));
        List<String> differences = new ArrayList<>();
        diff("$", record.protocol(), replayed, differences);
        return Optional.of(new ReplayResult(evaluationId, record.rulesetVersion(), engine.ruleset().version(),
                differences.isEmpty(), differences, replayed));
    }

    private CompiledRuleset ruleset(String version) {
        CompiledRuleset current = engine.ruleset();
        if (current.version().equals(version)) {
            return current;
        }
        synchronized (compiled) {
            CompiledRuleset kept = compiled.get(version);
            if (kept == null) {
                RulesetSource source = RulesetSource.of(repository.rulesetFiles(version).orElseThrow(
                        () -> new IllegalStateException("ruleset " + version + " is not in the audit store")));
                if (!source.version().equals(version)) {
                    throw new IllegalStateException("stored ruleset " + version + " hashes to " + source.version());
                }
                kept = CompiledRuleset.compile(source, RuleEngine.class.getClassLoader());
                compiled.put(version, kept);
            }
            return kept;
        }
    }

    /** The JSON paths where two values differ. */
    static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
            if (a != b && (a == null || !a.equals(b))) {
                out.add(path);
            }
            return;
        }
        if (a.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(path + "." + name, a.get(name), b.get(name), out);
            }
        } else if (a.isArray()) {
            if (a.size() != b.size()) {
                out.add(path + " (length " + a.size() + " against " + b.size() + ")");
            }
            Iterator<JsonNode> left = a.elements();
            Iterator<JsonNode> right = b.elements();
            for (int i = 0; left.hasNext() && right.hasNext(); i++) {
                diff(path + "[" + i + "]", left.next(), right.next(), out);
            }
        } else if (!a.equals(b)) {
            out.add(path);
        }
    }
}
