"""Settings for the Digital Coalition portal.

One module, read from the environment (django-environ). The defaults run on a fresh
machine: SQLite under ``var/``, Celery tasks executed eagerly, mail printed to the console.
Production sets ``DJANGO_DEBUG=false``, ``DJANGO_SECRET_KEY``, ``DJANGO_ALLOWED_HOSTS``,
``DATABASE_URL``, ``REDIS_URL`` and ``EMAIL_URL``; see the README for every variable.
"""

import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is false (see README, Settings).")
    # Development only: a random key kept on this machine under var/, never in the repository.
    VAR_DIR.mkdir(exist_ok=True)
    _dev_key_file = VAR_DIR / "dev-secret-key"
    if not _dev_key_file.exists():
        _dev_key_file.write_text(secrets.token_urlsafe(50))
        _dev_key_file.chmod(0o600)
    SECRET_KEY = _dev_key_file.read_text().strip()

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# Addresses of reverse proxies whose X-Forwarded-For we believe. Rate limits key on the
# client address as the nearest trusted proxy reports it, never on a header a client sets.
TRUSTED_PROXIES = env.list("DJANGO_TRUSTED_PROXIES", default=[])

# Public base URL used in mails (links must work outside a request).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "allauth",
    "allauth.account",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "csp",
    "coalition",
    "partnership",
    "declaration",
    "benchmarking",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coalition.urls"
WSGI_APPLICATION = "coalition.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coalition.context_processors.site",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'coalition.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: Celery broker and cache -----------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # RedisCache that answers from process memory while Redis is down (coalition/cache.py).
            "BACKEND": "coalition.cache.FallbackRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "coalition",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = "memory://"
    CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "Europe/Ljubljana"
# A broker that is down must not hang a request: publishing fails fast, the outbox row
# stays unsent and the periodic sweep sends it later.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 1, "socket_connect_timeout": 2}
# Seconds a web process gathers committed mail before handing it to the broker in one message
# (coalition.emails.OutboxDispatcher): a signing surge publishes one message per batch, not per mail.
OUTBOX_DISPATCH_LINGER = env.float("OUTBOX_DISPATCH_LINGER", default=0.05)
CELERY_BEAT_SCHEDULE = {
    "send-owed-mail": {"task": "coalition.tasks.sweep_outbox", "schedule": 60.0},
    "purge-unconfirmed-signatures": {"task": "declaration.tasks.purge_unconfirmed_signatures", "schedule": 3600.0},
}
# Rendered public pages are kept for anonymous visitors (coalition/pagecache.py); false renders every
# page for everyone, as for signed-in members (the data caches, counts and rate limits stay on).
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
# Seconds a rendered public page is kept for anonymous visitors (coalition/pagecache.py); a change
# to what the page shows drops it at once, so this only bounds how long unused entries linger.
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=600)
# Bytes of cached page bodies each process also keeps in memory, so a hit asks Redis only for versions.
PAGE_CACHE_LOCAL_BYTES = env.int("PAGE_CACHE_LOCAL_BYTES", default=32 * 1024 * 1024)
# With Redis: each process holds the current page versions, told of every bump by a Redis subscription.
PAGE_CACHE_WATCH = env.bool("PAGE_CACHE_WATCH", default=True)
# Expressions of interest in the partnership: submissions per client address per window (seconds).
PARTNERSHIP_INTEREST_RATE_LIMIT = (
    env.int("PARTNERSHIP_INTEREST_RATE_LIMIT", default=5),
    env.int("PARTNERSHIP_INTEREST_RATE_WINDOW", default=3600),
)
# The secretariat's spreadsheet import: largest file and most rows per file.
WORKSPACE_IMPORT_MAX_BYTES = env.int("WORKSPACE_IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
WORKSPACE_IMPORT_MAX_ROWS = env.int("WORKSPACE_IMPORT_MAX_ROWS", default=20_000)
# Declaration signing: confirmation links live this long (and unconfirmed signatures are then
# purged); per-client-address signing attempts allowed per window; largest proof of mandate.
SIGNATURE_LINK_MAX_AGE = env.int("SIGNATURE_LINK_MAX_AGE", default=7 * 24 * 3600)
SIGNATURE_RATE_LIMIT = env.int("SIGNATURE_RATE_LIMIT", default=10)
SIGNATURE_RATE_WINDOW = env.int("SIGNATURE_RATE_WINDOW", default=3600)
SIGNATURE_RESEND_INTERVAL = env.int("SIGNATURE_RESEND_INTERVAL", default=60)
SIGNATURE_MANDATE_MAX_BYTES = env.int("SIGNATURE_MANDATE_MAX_BYTES", default=5 * 1024 * 1024)

# --- Mail -------------------------------------------------------------------
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Digitalna koalicija <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
SECRETARIAT_EMAIL = env.str("SECRETARIAT_EMAIL", default="info@skupnostobcin.si")

# --- Accounts (django-allauth, e-mail as login) -------------------------------
AUTHENTICATION_BACKENDS = [
    "coalition.login_guard.AdminLoginGuard",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "10/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "5/h/ip,3/h/key",
    "reset_password_from_key": "20/h/key",
}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
LOGIN_REDIRECT_URL = "coalition:dashboard"
LOGIN_URL = "account_login"

# Admin login brute force (django-axes, see coalition/login_guard.py): five failures from one
# client address, or on one username, lock that address or username out for 15 minutes.
AXES_ONLY_ADMIN_SITE = True
AXES_FAILURE_LIMIT = env.int("DJANGO_AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_CLIENT_IP_CALLABLE = "coalition.login_guard.axes_client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = True
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation -----------------------------------------------------
LANGUAGE_CODE = "sl"
LANGUAGES = [("sl", _("Slovenian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Ljubljana"
USE_I18N = True
USE_TZ = True

# --- Static and media files ---------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5_242_880

# --- REST API -------------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: a client without valid credentials gets 401 with WWW-Authenticate, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["coalition.api.permissions.ReadOrSignedIn"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "coalition.api.filters.DocumentedSearchFilter",
        "coalition.api.filters.DocumentedOrderingFilter",
    ],
    # JSON only (CSV where a list offers it): the browsable API's pages break our CSP.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "coalition.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "coalition.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "coalition.api.exceptions.exception_handler",
    # Keyed on coalition.net.client_ip (trusted proxies only), counted atomically in the cache.
    "DEFAULT_THROTTLE_CLASSES": ["coalition.api.throttling.AnonThrottle", "coalition.api.throttling.UserThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="600/minute"),
        "user": env.str("API_THROTTLE_USER", default="2000/minute"),
        "signing": env.str("API_THROTTLE_SIGNING", default="10/minute"),
    },
    "DATETIME_FORMAT": "iso-8601",
    "DATE_FORMAT": "iso-8601",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Digital Coalition portal API",
    "DESCRIPTION": (
        "Open data of the Slovenian Digital Coalition and the Partnership for Digital Transition. "
        "Anonymous clients read everything public; writes need a session or a token "
        "(`Authorization: Token <key>`, created on your profile page), which acts with its user's rights. "
        "Lists are paginated (`count`, `next`, `previous`, `results`; `page`, `page_size` up to 200), "
        "filter with query parameters, `search` and `ordering`; the open-data lists also answer as CSV "
        "(`?format=csv` or `Accept: text/csv`, every matching row). Dates are ISO 8601. "
        "Every error is a JSON body naming the fields at fault. Content comes in both languages where it "
        "exists (`*_sl`, `*_en`); labels (`*_display`) and messages follow `Accept-Language` (sl or en)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "MunicipalityKindEnum": "coalition.models.Municipality.Kind",
        "OrganisationKindEnum": "coalition.models.Organisation.Kind",
        "SubgroupKindEnum": "partnership.models.Subgroup.Kind",
        "MilestoneKindEnum": "partnership.models.Milestone.Kind",
        "ActionPlanStatusEnum": "partnership.models.ActionPlan.Status",
        "ActionStatusEnum": "partnership.models.Action.Status",
        "PlanRevisionKindEnum": "partnership.models.PlanRevision.Kind",
        "LanguageEnum": "partnership.models.ActionPlan.Language",
        "SignatoryTypeEnum": "declaration.models.SignatoryType",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "coalition.api.schema.add_error_responses",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Security -------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
if env.bool("DJANGO_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp 4): no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Logging: no personal data (no e-mails, names or addresses) in log lines ------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's request logger prints the full path, which can carry tokens.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING" if not DEBUG else "INFO"},
        # axes reports every login (masked) at INFO; lockouts are WARNING.
        "axes": {"level": "WARNING"},
    },
}
