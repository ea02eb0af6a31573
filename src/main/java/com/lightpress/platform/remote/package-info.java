/** Calls to modules in other processes over HTTP with a service token. */
@NullMarked
package com.lightpress.platform.remote;

import org.jspecify.annotations.NullMarked;
