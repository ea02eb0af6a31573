/**
 * Web infrastructure: problem details, the API document and the admin endpoints of the registry.
 */
@NullMarked
package com.lightpress.platform.web;

import org.jspecify.annotations.NullMarked;
