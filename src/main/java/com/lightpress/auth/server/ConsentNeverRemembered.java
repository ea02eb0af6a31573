package com.lightpress.auth.server;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

/**
 * Keeps no consent. Lightpress's own web client needs none, and a device must be confirmed every
 * time: a remembered approval would let a link with someone else's user code hand that person's
 * command-line client the user's tokens without a question.
 */
final class ConsentNeverRemembered implements OAuth2AuthorizationConsentService {

    @Override
    public void save(OAuth2AuthorizationConsent consent) {
        // deliberately forgotten
    }

    @Override
    public void remove(OAuth2AuthorizationConsent consent) {
        // nothing is kept
    }

    @Override
    public @Nullable OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        return null;
    }
}
