/**
 * Every module's API as an OAuth 2 resource server: token validation, authorities and step-up.
 */
@NullMarked
package com.lightpress.platform.security;

import org.jspecify.annotations.NullMarked;
