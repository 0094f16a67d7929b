package org.kinlink.shell;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.kinlink.InvalidInput;
import org.kinlink.access.SecondFactor;
import org.kinlink.access.TotpEnrolment;
import org.kinlink.ui.Forms;

/**
 * Setting up the second factor (A3): the secret as a QR code and as text for the authenticator
 * app, confirmed with a code from it; then the recovery codes, shown this once.
 */
@Route(value = "account/second-factor/setup", autoLayout = false)
@PermitAll
public class SecondFactorEnrolmentView extends VerticalLayout implements HasDynamicTitle {

    final Span secret = new Span();
    final Image qrCode = new Image();
    final TextField code = new TextField();
    final Button confirm = new Button();
    final UnorderedList recoveryCodes = new UnorderedList();
    final Button done = new Button();

    final Button signOut = new Button();

    SecondFactorEnrolmentView(SecondFactor secondFactor, AuthenticationContext authentication) {
        // these views have no main layout (no menu to bypass them), so they carry their own sign-out
        signOut.setText(getTranslation("menu.sign-out"));
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        signOut.addClickListener(click -> authentication.logout());
        setMaxWidth("40rem");
        add(new H2(getTranslation("second-factor.setup.heading")));
        if (secondFactor.enrolled()) {
            add(new Paragraph(getTranslation("second-factor.already-enrolled")), signOut);
            return;
        }
        TotpEnrolment enrolment = secondFactor.startEnrolment();
        secret.setText(enrolment.secret().replaceAll("(.{4})(?=.)", "$1 "));
        secret.addClassName("kl-totp-secret");
        qrCode.setSrc("data:image/png;base64," + qrPng(enrolment.uri()));
        qrCode.setAlt(getTranslation("second-factor.setup.qr-alt"));
        qrCode.setWidth("200px");
        code.setLabel(getTranslation("second-factor.code"));
        code.setAutocomplete(Autocomplete.OFF);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setRequiredIndicatorVisible(true);
        confirm.setText(getTranslation("second-factor.setup.confirm"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        var fields = Map.of("code", code);
        var setup = new VerticalLayout(
                new Paragraph(getTranslation("second-factor.setup.scan")),
                qrCode,
                new Paragraph(getTranslation("second-factor.setup.type")),
                secret,
                code,
                confirm,
                signOut);
        setup.setPadding(false);
        confirm.addClickListener(click -> {
            Forms.clearErrors(fields);
            try {
                List<String> codes = secondFactor.confirmEnrolment(code.getValue());
                remove(setup);
                codes.forEach(each -> recoveryCodes.add(new ListItem(each)));
                recoveryCodes.addClassName("kl-recovery-codes");
                done.setText(getTranslation("second-factor.setup.done"));
                done.addThemeVariants(ButtonVariant.PRIMARY);
                done.addClickListener(next -> UI.getCurrent().navigate(StartView.class));
                add(new Paragraph(getTranslation("second-factor.setup.recovery", codes.size())), recoveryCodes, done);
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, this);
            }
        });
        add(setup);
    }

    private static String qrPng(String content) {
        try {
            var matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 200, 200);
            var image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            var png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("The enrolment QR code cannot be made", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("second-factor.setup.heading");
    }
}
