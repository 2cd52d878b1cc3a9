"""``{% fragment %}``: keep a rendered piece of the layout in process memory.

    {% load fragments %}
    {% fragment "main-nav" request.resolver_match.url_name user_is_secretariat %}...{% endfragment %}

The piece is rendered once per process for each language and combination of the values named
after its name, and copied from memory afterwards. Only for markup that depends on nothing else:
code, translations and URLs (all fixed while the process runs), and the values named. Never around
a CSRF token, a message, the user's name or anything read from the database.

The layout's navigation, footer and sub-navigation were a third of the time of a page rendered
per request (a signed-in member's page, or the first visitor's after a change).
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

MAX_PIECES = 2048  # distinct (name, language, values); past it, start again (a bound, not a policy)
_pieces = {}


class FragmentNode(template.Node):
    def __init__(self, name, vary, nodelist):
        self.name = name
        self.vary = vary
        self.nodelist = nodelist

    def render(self, context):
        key = (self.name.resolve(context), get_language(), *(value.resolve(context) for value in self.vary))
        piece = _pieces.get(key)
        if piece is None:
            piece = mark_safe(self.nodelist.render(context))  # noqa: S308 - the template's own output
            if len(_pieces) >= MAX_PIECES:
                _pieces.clear()
            _pieces[key] = piece
        return piece


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name, then the values the piece depends on")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
