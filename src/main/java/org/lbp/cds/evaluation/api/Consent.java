package org.lbp.cds.evaluation.api;

public record Consent(Boolean lowBackRelease) {
}
