/** Stand-ins for auth's API where auth runs in another process. */
@NullMarked
package com.lightpress.auth.remote;

import org.jspecify.annotations.NullMarked;
