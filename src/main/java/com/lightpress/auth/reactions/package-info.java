/** Auth's reactions to the events of other modules. */
@NullMarked
package com.lightpress.auth.reactions;

import org.jspecify.annotations.NullMarked;
