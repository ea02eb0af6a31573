/** Module activation: which modules run in this process, decided before any bean exists. */
@NullMarked
package com.lightpress.platform.modules;

import org.jspecify.annotations.NullMarked;
