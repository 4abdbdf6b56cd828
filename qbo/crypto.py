"""Tokens at rest: Fernet, keyed from WRITEOFF_SECRET_KEY, with room to rotate the key.

WRITEOFF_SECRET_KEY holds one key or several separated by commas, NEWEST FIRST. New tokens
are encrypted with the first; any of them decrypts. Each key is either a Fernet key (used as
is) or a passphrase, stretched into a Fernet key with scrypt. To rotate:

1. set WRITEOFF_SECRET_KEY=NEW,OLD and restart every process (both keys now read);
2. run `writeoff qbo rotate-key` (qbo.connection.rotate_tokens re-encrypts every stored
   token with NEW in one transaction);
3. set WRITEOFF_SECRET_KEY=NEW and restart.

Earlier versions turned a passphrase into a key with one SHA-256. Tokens stored that way
still decrypt (they are never written again that way), so an existing install keeps working
after the upgrade; `rotate-key` re-encrypts them under the scrypt key, and so does the next
token refresh.

Neither keys nor tokens appear in a repr, a message or a log line.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from collections.abc import Sequence
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

log = logging.getLogger(__name__)

SETTING = "WRITEOFF_SECRET_KEY"
KEY_SEPARATOR = ","
MAX_KEYS = 8  # a rotation needs two; more is a setting nobody cleaned up
SHORT_PASSPHRASE = 16  # below this, say so: a comma may have cut a passphrase in two
# A fixed, app-specific salt. A salt exists to stop one precomputed table from serving many
# stored password hashes; here the passphrase is a server secret that is never stored
# anywhere, and nothing derived from it is either (only Fernet ciphertexts are), so there is
# no table of hashes to attack in bulk. A random salt would have to live beside the tokens
# and be read before every decryption, for no gain. The salt still separates these keys
# from any other use of the same passphrase.
SCRYPT_SALT = b"writeoff-bot/qbo-token-cipher/v2"
# OWASP's scrypt floor (N=2^17, r=8, p=1) has equivalents; this one costs 32 MiB and about
# 0.3 s on a 2-core server, paid once per key per process (derive_key is cached).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 3
_GENERATE = (
    "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
)


class SecretKeyError(RuntimeError):
    """WRITEOFF_SECRET_KEY is missing, malformed or does not open the stored tokens."""


class SecretKeyMissing(SecretKeyError):
    def __init__(self) -> None:
        super().__init__(
            f"{SETTING} is not set: QuickBooks tokens are stored encrypted, so set it "
            f"first (generate one with: {_GENERATE})"
        )


class SecretKeyMismatch(SecretKeyError):
    """No key in WRITEOFF_SECRET_KEY decrypts a stored token: the key was changed or lost."""

    def __init__(self, keys: int) -> None:
        super().__init__(
            f"the stored QuickBooks tokens cannot be decrypted with {SETTING} "
            f"({keys} key{'s' if keys != 1 else ''} tried): it was changed. Put the old key "
            f"back as a second key ({SETTING}=NEW_KEY,OLD_KEY), restart and run "
            "`writeoff qbo rotate-key`; or, if the old key is lost, reconnect QuickBooks "
            "with `writeoff qbo connect-url`"
        )


def split_keys(setting: str) -> list[str]:
    """The keys in a WRITEOFF_SECRET_KEY value, newest first; blanks around commas ignored."""
    return [part.strip() for part in setting.split(KEY_SEPARATOR) if part.strip()]


def _as_fernet_key(secret: str) -> bytes | None:
    """The secret itself when it is a Fernet key (32 url-safe base64 bytes), else None."""
    try:
        Fernet(secret.encode())
    except ValueError:
        return None
    return secret.encode()


@lru_cache(maxsize=16)
def _warn_if_short(passphrase: str) -> None:
    """Once per passphrase and process. Commas separate keys, so an old passphrase that
    held one now yields short pieces, the first of which encrypts: say so (never what)."""
    if len(passphrase) < SHORT_PASSPHRASE:
        log.warning(
            "a passphrase in %s has fewer than %d characters (commas separate keys): use a "
            "Fernet key (%s) or a longer passphrase, then run `writeoff qbo rotate-key`",
            SETTING,
            SHORT_PASSPHRASE,
            _GENERATE,
        )


@lru_cache(maxsize=16)
def derive_key(passphrase: str) -> bytes:
    """A Fernet key from a passphrase with scrypt. Cached: the cost is paid once per process."""
    kdf = Scrypt(salt=SCRYPT_SALT, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return base64.urlsafe_b64encode(kdf.derive(passphrase.encode()))


def legacy_key(passphrase: str) -> bytes:
    """The key versions before scrypt derived (one SHA-256): for reading old tokens only."""
    return base64.urlsafe_b64encode(hashlib.sha256(passphrase.encode()).digest())


class TokenCipher:
    """Encrypts with the newest key, decrypts with any key (and the legacy derivation)."""

    def __init__(self, secret: str | Sequence[str] | None) -> None:
        if secret is None:
            raise SecretKeyMissing()
        whole = secret if isinstance(secret, str) else None
        parts = split_keys(secret) if isinstance(secret, str) else [s.strip() for s in secret]
        parts = [p for p in parts if p]
        if not parts:
            raise SecretKeyMissing()
        if len(parts) > MAX_KEYS:
            raise SecretKeyError(
                f"{SETTING} holds {len(parts)} keys; at most {MAX_KEYS} (newest first) are "
                "read: run `writeoff qbo rotate-key` and drop the old ones"
            )
        current: list[Fernet] = []
        legacy: list[bytes] = []
        for part in parts:
            raw = _as_fernet_key(part)
            if raw is not None:
                current.append(Fernet(raw))
            else:
                _warn_if_short(part)
                current.append(Fernet(derive_key(part)))
                legacy.append(legacy_key(part))
        # A passphrase that itself contains a comma was, before keys could be listed, one
        # passphrase: its old tokens are still read under the whole, unsplit value.
        if (
            whole is not None
            and (len(parts) > 1 or whole != parts[0])
            and _as_fernet_key(whole) is None
        ):
            legacy.append(legacy_key(whole))
        self._keys = len(parts)
        self._primary = current[0]
        self._any = MultiFernet(current + [Fernet(k) for k in dict.fromkeys(legacy)])

    def __repr__(self) -> str:
        return f"TokenCipher({self._keys} key{'s' if self._keys != 1 else ''})"

    @property
    def key_count(self) -> int:
        return self._keys

    def encrypt(self, plain: str) -> str:
        return self._primary.encrypt(plain.encode()).decode()

    def decrypt(self, token: str) -> str:
        try:
            return self._any.decrypt(token.encode()).decode()
        except InvalidToken:
            raise SecretKeyMismatch(self._keys) from None

    def is_current(self, token: str) -> bool:
        """Whether the newest key alone opens this token (rotation has nothing to do)."""
        try:
            self._primary.decrypt(token.encode())
        except InvalidToken:
            return False
        return True

    def rotate(self, token: str) -> str:
        """The same plain text, encrypted again under the newest key."""
        return self.encrypt(self.decrypt(token))
