"""Web app entry point (also the Hugging Face Space's ``app_file``).

Importing builds the app and loads nothing; running it warms the models and serves.
On a ZeroGPU Space, ``spaces`` is imported first, before anything touches CUDA, as it asks.
"""

from summarise import settings

if settings.current().zero_gpu:
    import spaces  # noqa: F401

from summarise.apps.web.app import build_app, launch  # noqa: E402

demo = build_app()

if __name__ == "__main__":
    launch(demo)
