/**
 * The OAuth 2.1 / OpenID Connect provider: credentials, sign-up, login, email verification,
 * password reset and the tokens every other module trusts.
 */
@ApplicationModule(allowedDependencies = {"users", "platform"})
@NullMarked
package com.lightpress.auth;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
