/** Second factors: authenticator apps (TOTP), passkeys, and the recovery codes that come with either. */
@NullMarked
package com.lightpress.auth.factors;

import org.jspecify.annotations.NullMarked;
