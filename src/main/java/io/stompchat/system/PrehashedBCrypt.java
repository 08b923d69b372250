package io.stompchat.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt of an HMAC-SHA-256 of the password. BCrypt reads at most 72 bytes (Spring
 * Security refuses longer input), while a password may be 128 characters of any script:
 * the pre-hash gives BCrypt 44 bytes that depend on every character.
 */
final class PrehashedBCrypt implements PasswordEncoder {

	private static final byte[] KEY = "stomp-chat password pre-hash v1".getBytes(StandardCharsets.UTF_8);

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

	@Override
	public String encode(CharSequence rawPassword) {
		return this.bcrypt.encode(prehash(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return rawPassword != null && this.bcrypt.matches(prehash(rawPassword), encodedPassword);
	}

	private static String prehash(CharSequence rawPassword) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
			return Base64.getEncoder()
				.encodeToString(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
