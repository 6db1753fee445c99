package org.lbp.cds.rules;

/**
 * One rule of the loaded knowledge base, as its metadata describes it.
 *
 * @param id     catalogue id ({@code @id})
 * @param name   the rule's name: the clinical sentence it checks
 * @param file   the DRL file under {@code rules/}
 * @param source the sentence of the source the rule comes from ({@code @source})
 * @param decides what the rule decides: the status, steps, avoid items, referrals, warnings or flags it produces
 *               ({@code @decides})
 * @param phase  the phase it runs in ({@link RuleEngine#PHASES}, or {@code always} for rules that hold in every case)
 */
public record RuleInfo(String id, String name, String file, String phase, String decides, String source) {
}
