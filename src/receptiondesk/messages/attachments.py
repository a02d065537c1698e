"""Messages of the attachments area (problem codes and labels) in Vietnamese and English."""

MESSAGES: dict[str, dict[str, str]] = {
}
