/**
 * Events across processes: routing from the module model, SQS out and in, the inbox and the hand-
 * over.
 */
@NullMarked
package com.lightpress.platform.messaging;

import org.jspecify.annotations.NullMarked;
