"""The links we mail: a confirmation link that expires, and a personal management link.

Both carry the signature's random ``public_id`` signed with the secret key, so nobody can
guess or alter one; a tampered link and an expired one are told apart for the visitor.
"""

import uuid

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "declaration.signature.confirm"
MANAGE_SALT = "declaration.signature.manage"


class LinkInvalid(Exception):
    """The link was altered or is not ours."""


class LinkExpired(Exception):
    """The link was ours but is older than ``SIGNATURE_LINK_MAX_AGE``."""


def link_max_age():
    return getattr(settings, "SIGNATURE_LINK_MAX_AGE", 7 * 24 * 3600)


def confirmation_token(signature):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(signature.public_id))


def management_token(signature):
    return signing.Signer(salt=MANAGE_SALT).sign(str(signature.public_id))


def _as_uuid(value):
    try:
        return uuid.UUID(value)
    except (TypeError, ValueError) as exc:
        raise LinkInvalid from exc


def public_id_from_confirmation_token(token):
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=link_max_age())
    except signing.SignatureExpired as exc:
        raise LinkExpired from exc
    except signing.BadSignature as exc:
        raise LinkInvalid from exc
    return _as_uuid(value)


def public_id_from_management_token(token):
    try:
        value = signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature as exc:
        raise LinkInvalid from exc
    return _as_uuid(value)
