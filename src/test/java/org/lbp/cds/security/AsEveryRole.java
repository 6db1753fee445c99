package org.lbp.cds.security;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;

/** For the functional API tests: every request sends a token with every role (the security tests check each role). */
public class AsEveryRole implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        RestAssured.filters(Tokens.asEveryRole());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RestAssured.reset();
    }
}
