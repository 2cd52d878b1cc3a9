"""Checks on what a signatory sends us, shared by the form, the API and the services."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# What a proof of mandate may be, told by the file's first bytes, not only by its name.
MANDATE_SIGNATURES = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
}
MANDATE_EXTENSIONS = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"}


def mandate_max_bytes():
    return getattr(settings, "SIGNATURE_MANDATE_MAX_BYTES", 5 * 1024 * 1024)


def validate_mandate_file(upload):
    """A PDF, PNG or JPEG no larger than the limit, whose content matches its name."""
    if upload is None:
        return
    limit = mandate_max_bytes()
    if upload.size is None or upload.size > limit:
        raise ValidationError(
            _("The proof of mandate may be at most %(size)s MB."), code="too_large", params={"size": limit // 1048576}
        )
    if upload.size == 0:
        raise ValidationError(_("The proof of mandate is empty."), code="empty")
    name = getattr(upload, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    expected = MANDATE_EXTENSIONS.get(extension)
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if expected is None or not any(head.startswith(magic) for magic in MANDATE_SIGNATURES[expected]):
        raise ValidationError(_("The proof of mandate must be a PDF, PNG or JPEG file."), code="bad_type")
    if expected.startswith("image/"):
        from PIL import Image

        try:
            with Image.open(upload) as image:
                image.verify()
        except Exception as exc:  # noqa: BLE001 - any decoding failure means "not an image"
            raise ValidationError(_("The proof of mandate is not a readable image."), code="bad_image") from exc
        finally:
            upload.seek(0)
