/** Second factors: authenticator apps (TOTP) and recovery codes. */
@NullMarked
package com.lightpress.auth.factors;

import org.jspecify.annotations.NullMarked;
