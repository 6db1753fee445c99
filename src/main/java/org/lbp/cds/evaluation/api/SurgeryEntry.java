package org.lbp.cds.evaluation.api;

import java.time.LocalDate;

import org.lbp.cds.codes.Procedure;
import org.lbp.cds.codes.SurgerySide;

public record SurgeryEntry(Procedure procedure, SurgerySide side, LocalDate date) {
}
