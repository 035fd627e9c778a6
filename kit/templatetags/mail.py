"""Links in e-mails: `{% portal_url pledge %}`, `{% portal_url 'pledges:report' pk=pledge.pk %}`,
each an address under PORTAL_URL (kit/mail.py)."""

from django import template

from kit.mail import portal_url

register = template.Library()
register.simple_tag(portal_url, name="portal_url")
