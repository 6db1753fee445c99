package org.lbp.cds.audit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service under test at a fresh {@link TestStore} (SQLite, H2 over TCP or PostgreSQL: -Dlbp.test.store). */
public class AuditStoreResource implements QuarkusTestResourceLifecycleManager {

    /** The store of the running test application, for tests that take it down or read it directly. */
    public static volatile TestStore store;

    @Override
    public Map<String, String> start() {
        store = TestStore.create();
        return Map.of("lbp.audit.jdbc-url", store.url(), "lbp.audit.username", store.user(),
                "lbp.audit.commit-timeout", "2s");
    }

    @Override
    public void stop() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
