/** Lightpress, a modular monolith: the application class; each subpackage is a module. */
@NullMarked
package com.lightpress;

import org.jspecify.annotations.NullMarked;
