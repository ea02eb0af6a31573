package com.lightpress.auth.factors;

/**
 * What the user needs to add Lightpress to an authenticator app, shown once.
 *
 * @param secret the shared secret in base32, for typing in by hand
 * @param uri the {@code otpauth://} URI the QR code holds
 * @param qrCode the QR code as a PNG {@code data:} URI, drawn by Lightpress itself
 */
public record Enrolment(String secret, String uri, String qrCode) {}
