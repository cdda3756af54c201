/** `npm run bench:plans`: writes bench/plans/data-access.md (see bench/plans/README.md). */
import { regeneratePlans } from "../data-access";

await regeneratePlans();
