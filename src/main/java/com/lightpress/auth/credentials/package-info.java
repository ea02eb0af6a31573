/**
 * Auth's credentials: passwords, sign-up, verification and reset tokens, login throttling and the
 * module's settings.
 */
@NullMarked
package com.lightpress.auth.credentials;

import org.jspecify.annotations.NullMarked;
