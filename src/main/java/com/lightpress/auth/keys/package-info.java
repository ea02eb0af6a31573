/**
 * The signing keys of tokens, stored encrypted and rotated with the old key kept until its tokens
 * expire.
 */
@NullMarked
package com.lightpress.auth.keys;

import org.jspecify.annotations.NullMarked;
