package com.lightpress.auth.factors;

import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.util.Utils;
import org.springframework.stereotype.Component;

/**
 * Draws the enrolment QR code in the process (ZXing), so a secret never reaches an outside
 * image service.
 */
@Component
class EnrolmentImages {

    Enrolment enrolment(String secret, String accountName, String issuer) {
        var data = new QrData.Builder()
                .label(accountName)
                .secret(secret)
                .issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1)
                .digits(6)
                .period(AuthenticatorApps.STEP_SECONDS)
                .build();
        var generator = new ZxingPngQrGenerator();
        try {
            var png = generator.generate(data);
            return new Enrolment(secret, data.getUri(), Utils.getDataUriForImage(png, generator.getImageMimeType()));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Cannot draw the enrolment QR code", e);
        }
    }
}
