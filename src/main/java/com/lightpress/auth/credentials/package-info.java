/** Auth's credentials: passwords, sign-up, verification and reset tokens, login throttling. */
@NullMarked
package com.lightpress.auth.credentials;

import org.jspecify.annotations.NullMarked;
