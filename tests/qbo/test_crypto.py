"""The token cipher: scrypt for passphrases, several keys newest first, the legacy SHA-256
derivation read-only, and a clear error (with no secret in it) for a wrong key.

Few distinct passphrases on purpose: each costs one scrypt derivation (about 0.3 s)."""

from __future__ import annotations

import base64
import logging

import pytest
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from qbo.crypto import (
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    SCRYPT_SALT,
    SecretKeyError,
    SecretKeyMismatch,
    SecretKeyMissing,
    TokenCipher,
    _warn_if_short,
    derive_key,
    legacy_key,
    split_keys,
)

OLD = "correct horse battery staple, kept in the vault"  # a passphrase with a comma
NEW = "a new passphrase for the year 2027"
FERNET = Fernet.generate_key().decode()
TOKEN = "fake-rt-AB12cd34EF56gh78"  # what Intuit's refresh tokens look like to us


def test_passphrase_is_stretched_with_scrypt_not_one_sha256() -> None:
    cipher = TokenCipher(NEW)
    stored = cipher.encrypt(TOKEN)
    assert TOKEN not in stored and cipher.decrypt(stored) == TOKEN
    expected = Scrypt(salt=SCRYPT_SALT, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(
        NEW.encode()
    )
    assert Fernet(base64.urlsafe_b64encode(expected)).decrypt(stored.encode()) == TOKEN.encode()
    with pytest.raises(InvalidToken):
        Fernet(legacy_key(NEW)).decrypt(stored.encode())
    assert SCRYPT_N * SCRYPT_P >= 2**15 * 3 and SCRYPT_R >= 8  # OWASP's scrypt floors


def test_derivation_is_cached_per_process() -> None:
    derive_key(NEW)
    before = derive_key.cache_info()
    for _ in range(3):
        TokenCipher(NEW).decrypt(TokenCipher(NEW).encrypt(TOKEN))
    after = derive_key.cache_info()
    assert after.misses == before.misses and after.hits >= before.hits + 6


def test_a_fernet_key_is_used_as_is() -> None:
    stored = TokenCipher(FERNET).encrypt(TOKEN)
    assert Fernet(FERNET.encode()).decrypt(stored.encode()) == TOKEN.encode()
    assert TokenCipher(f"  {FERNET}  ").decrypt(stored) == TOKEN


def test_keys_are_listed_newest_first() -> None:
    assert split_keys(f" {FERNET} ,{NEW},, ") == [FERNET, NEW]
    old_token = TokenCipher(NEW).encrypt(TOKEN)
    both = TokenCipher(f"{FERNET},{NEW}")
    assert both.key_count == 2 and both.decrypt(old_token) == TOKEN  # the old key still reads
    fresh = both.encrypt(TOKEN)
    assert TokenCipher(FERNET).decrypt(fresh) == TOKEN  # written with the newest
    with pytest.raises(SecretKeyMismatch):
        TokenCipher(NEW).decrypt(fresh)
    assert both.is_current(fresh) and not both.is_current(old_token)
    rotated = both.rotate(old_token)
    assert TokenCipher(FERNET).decrypt(rotated) == TOKEN  # the old key can now be dropped
    assert TokenCipher([FERNET, NEW]).decrypt(old_token) == TOKEN  # a list works too


def test_tokens_of_the_old_sha256_derivation_still_read_and_rotate() -> None:
    # An install from before scrypt: its setting held OLD, one passphrase with a comma in it.
    legacy = Fernet(legacy_key(OLD)).encrypt(TOKEN.encode()).decode()
    cipher = TokenCipher(OLD)
    assert cipher.decrypt(legacy) == TOKEN and not cipher.is_current(legacy)
    rotated = cipher.rotate(legacy)
    assert cipher.is_current(rotated) and cipher.decrypt(rotated) == TOKEN
    with pytest.raises(InvalidToken):
        Fernet(legacy_key(OLD)).decrypt(rotated.encode())  # never written the old way
    # Each listed passphrase keeps its legacy key too: NEW first, the old one second.
    single = Fernet(legacy_key(NEW)).encrypt(TOKEN.encode()).decode()
    assert TokenCipher(f"{FERNET},{NEW}").decrypt(single) == TOKEN
    # A raw Fernet key never had a derived form: no legacy key stands in for it.
    sha_of_fernet = Fernet(legacy_key(FERNET)).encrypt(TOKEN.encode()).decode()
    with pytest.raises(SecretKeyMismatch):
        TokenCipher(FERNET).decrypt(sha_of_fernet)


def test_wrong_key_is_a_clear_error_without_secrets(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    stored = TokenCipher(NEW).encrypt(TOKEN)
    wrong = Fernet.generate_key().decode()
    with pytest.raises(SecretKeyMismatch) as caught:
        TokenCipher(wrong).decrypt(stored)
    err = caught.value
    assert isinstance(err, SecretKeyError) and isinstance(err, RuntimeError)
    text = str(err)
    assert "WRITEOFF_SECRET_KEY" in text and "rotate-key" in text and "connect-url" in text
    assert "second key" in text
    for secret in (wrong, NEW, TOKEN, stored):
        assert secret not in text and secret not in repr(err) and secret not in caplog.text
    assert err.__cause__ is None and err.__suppress_context__  # no InvalidToken chain either
    with pytest.raises(SecretKeyMismatch, match="2 keys tried"):
        TokenCipher(f"{wrong},{FERNET}").decrypt(stored)
    with pytest.raises(SecretKeyMismatch):
        TokenCipher(NEW).decrypt("not a token at all")


@pytest.mark.parametrize("setting", [None, "", " , ,"])
def test_missing_key(setting: str | None) -> None:
    with pytest.raises(SecretKeyMissing, match="WRITEOFF_SECRET_KEY is not set"):
        TokenCipher(setting)


def test_too_many_keys() -> None:
    keys = ",".join(Fernet.generate_key().decode() for _ in range(9))
    with pytest.raises(SecretKeyError, match="at most 8") as caught:
        TokenCipher(keys)
    assert all(k not in str(caught.value) for k in keys.split(","))


def test_no_secret_in_repr_or_str() -> None:
    cipher = TokenCipher(f"{NEW},{FERNET}")
    shown = repr(cipher) + str(cipher) + f"{cipher}"
    assert shown == "TokenCipher(2 keys)" * 3
    derived = derive_key(NEW).decode()
    for secret in (NEW, FERNET, derived):
        assert secret not in shown


def test_a_short_passphrase_is_warned_about_once_without_saying_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # An old passphrase with a comma in it now reads as two keys: "kept in the vault" is
    # long enough, but a setting like "pa,ss" would encrypt with "pa".
    caplog.set_level(logging.WARNING)
    _warn_if_short.cache_clear()  # once per process: start this test's process afresh
    short = "pa55"
    for _ in range(2):
        TokenCipher(f"{short},{NEW}")
    warned = [r for r in caplog.records if r.name == "qbo.crypto"]
    assert len(warned) == 1 and "WRITEOFF_SECRET_KEY" in warned[0].getMessage()
    assert short not in caplog.text and NEW not in caplog.text
    caplog.clear()
    TokenCipher(NEW)
    TokenCipher(FERNET)
    assert not caplog.records
