/** Stand-ins for users' API where users runs in another process. */
@NullMarked
package com.lightpress.users.remote;

import org.jspecify.annotations.NullMarked;
