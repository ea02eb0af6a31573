package com.lightpress.platform;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform itself.
 *
 * @param schema the schema that holds this process's own state (event publications, inbox); each
 *     process of a split deployment needs its own so one never resubmits another's publications
 * @param publicUrl where clients reach Lightpress; the issuer of its tokens and the base of links
 *     in emails
 * @param events how incomplete event publications are retried
 */
@ConfigurationProperties("lightpress.platform")
public record PlatformSettings(
        @DefaultValue("lightpress") String schema,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue Events events) {

    /**
     * @param resubmitInterval how often incomplete publications are looked for
     * @param resubmitAfter how old an incomplete publication must be before it is resubmitted, so
     *     that work still in progress is not started twice
     */
    public record Events(
            @DefaultValue("60s") Duration resubmitInterval,
            @DefaultValue("60s") Duration resubmitAfter) {}
}
