#!/bin/sh
# Prisma 7's CLI wants a native schema engine that cannot be downloaded on these machines.
# generate/validate/format never run it; anything that does (migrate, db push) fails here on purpose.
echo "The native Prisma schema engine is not installed. Use 'npm run db:migrate' (apply) or 'npm run migration:create' (new migration)." >&2
exit 1
