package org.opentrials.portal.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Staff sign in with a form of our own (Jakarta Security); the identity store checks the database.
 * Unauthenticated requests are redirected (not forwarded) to the sign-in page, so the browser's
 * address and the session id both change at sign-in.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@ApplicationScoped
public class AdminSecurity {}
