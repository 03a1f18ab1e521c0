-- Geo search on zaakgeometrie (POST /zaken/_zoek, zaakgeometrie.within),
-- backed by PostGIS.
--
-- CREATE EXTENSION needs a superuser (postgis is not a trusted extension):
-- the private and the test servers migrate as one; on a managed server an
-- administrator runs it once beforehand, after which this statement is a
-- no-op. The extension lives in the schema it was created in (public by
-- default), which must be on the search_path of the registry's connections.
CREATE EXTENSION IF NOT EXISTS postgis;

-- zrc_geometrie turns the zaakgeometrie of zaak (GeoJSON, as stored in
-- data) into the searchable geometry: SRID 4326 (Accept-Crs EPSG:4326), 2D
-- (the column has no Z), and repaired with ST_MakeValid when invalid, so
-- that a self-intersecting polygon cannot make ST_Within fail a search. A
-- GeoJSON that PostGIS refuses becomes NULL with a WARNING in the server
-- log instead of an error: the projection must never stop on it (the zaak
-- keeps its zaakgeometrie in data and is only left out of geo searches).
-- Deterministic, so a rebuild gives the same column. It lives in public,
-- not zrc, because a rebuild replaces schema zrc by a copy of its tables;
-- SET search_path FROM CURRENT pins the search_path this migration runs
-- with (where it finds PostGIS), since the projection writes with
-- search_path set to its schema alone.
CREATE FUNCTION public.zrc_geometrie(zaak uuid, geojson text) RETURNS geometry(Geometry, 4326)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path FROM CURRENT
AS $$
DECLARE
    g geometry;
BEGIN
    IF geojson IS NULL OR geojson = 'null' THEN
        RETURN NULL;
    END IF;
    g := ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326));
    IF NOT ST_IsValid(g) THEN
        g := ST_MakeValid(g);
    END IF;
    RETURN g;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'zaak %: zaakgeometrie is no geometry PostGIS accepts, stored as NULL: %', zaak, SQLERRM;
    RETURN NULL;
END
$$;

-- geometrie is zrc_geometrie of data->'zaakgeometrie', NULL without one.
-- The GiST index serves ST_Within; a rebuild copies both (CREATE TABLE
-- ... LIKE ... INCLUDING ALL).
ALTER TABLE zrc.zaken ADD COLUMN geometrie geometry(Geometry, 4326);
UPDATE zrc.zaken SET geometrie = public.zrc_geometrie(uuid, data->>'zaakgeometrie')
    WHERE data ? 'zaakgeometrie';
CREATE INDEX zaken_geometrie ON zrc.zaken USING gist (geometrie);
