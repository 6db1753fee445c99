package org.lbp.cds.evaluation.api;

import java.time.LocalDate;

import org.lbp.cds.codes.OnsetType;

public record Episode(Boolean acuteFlareUp, Boolean newEpisode, LocalDate onsetDate, OnsetType onsetType) {
}
