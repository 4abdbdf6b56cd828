"""Tokens at rest: Fernet with a key from WRITEOFF_SECRET_KEY."""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken


class SecretKeyMissing(RuntimeError):
    def __init__(self) -> None:
        super().__init__(
            "WRITEOFF_SECRET_KEY is not set: QuickBooks tokens are stored encrypted, so set it "
            "first (generate one with: python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())')"
        )


class TokenCipher:
    def __init__(self, secret: str | None) -> None:
        if not secret:
            raise SecretKeyMissing()
        try:
            self._fernet = Fernet(secret.encode())
        except ValueError:
            # Not a Fernet key: derive one, so a long passphrase works too.
            digest = hashlib.sha256(secret.encode()).digest()
            self._fernet = Fernet(base64.urlsafe_b64encode(digest))

    def encrypt(self, plain: str) -> str:
        return self._fernet.encrypt(plain.encode()).decode()

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise RuntimeError(
                "stored QuickBooks tokens cannot be decrypted: WRITEOFF_SECRET_KEY changed? "
                "Reconnect QuickBooks"
            ) from exc
