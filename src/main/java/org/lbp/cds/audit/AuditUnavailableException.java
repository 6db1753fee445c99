package org.lbp.cds.audit;

/** The audit store could not commit a record: the protocol must not leave the service (answered 503). */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
