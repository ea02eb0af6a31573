package com.lightpress.auth.factors;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the user needs to add Lightpress to an authenticator app, shown once.
 *
 * @param secret the shared secret in base32, for typing in by hand
 * @param uri the {@code otpauth://} URI the QR code holds
 * @param qrCode the QR code as a PNG {@code data:} URI, drawn by Lightpress itself
 */
public record Enrolment(
        @Schema(example = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
        String secret,

        @Schema(
                example =
                        "otpauth://totp/Lightpress:ada%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Lightpress")
        String uri,

        @Schema(
                description = "The uri as a QR code, a PNG data URI",
                example =
                        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==")
        String qrCode) {}
