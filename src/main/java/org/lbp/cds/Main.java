package org.lbp.cds;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import org.lbp.cds.rules.RulesPreload;

/**
 * The packaged service's entry point: starts loading the bundled knowledge base on a thread of its own, then boots
 * Quarkus, whose own start-up steps run meanwhile (see {@link RulesPreload}).
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        RulesPreload.start();
        Quarkus.run(args);
    }
}
